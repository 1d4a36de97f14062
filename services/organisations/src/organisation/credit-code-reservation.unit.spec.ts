import { AlreadyExistsError } from '@cogov/domain';
import { deciderSpecification } from '@cogov/testing';
import { creditCodeReservationDecider, type OrganisationCreditCodeReserved, type ReserveCreditCode } from './credit-code-reservation.js';

const spec = deciderSpecification(creditCodeReservationDecider);
const NOW = '2026-09-01T01:00:00.000Z';
const CODE = '91350100M000100Y43';
const reserve = (organisationId: string): ReserveCreditCode => ({
  type: 'ReserveCreditCode',
  data: { creditCode: CODE, organisationId, communityId: 'c-1' },
  metadata: { now: NOW, actor: 'user-staff-1' },
});
const reserved: OrganisationCreditCodeReserved = {
  type: 'OrganisationCreditCodeReserved',
  data: { creditCode: CODE, organisationId: 'o-1', communityId: 'c-1', reservedAt: NOW },
};

describe('credit code reservation', () => {
  it('reserves a free code for the organisation', () => {
    spec.given([]).when(reserve('o-1')).then([reserved]);
  });
  it('rejects the code for another organisation', () => {
    spec.given([reserved]).when(reserve('o-2')).thenThrows(AlreadyExistsError);
  });
  it('stays quiet when the same organisation reserves it again', () => {
    spec.given([reserved]).when(reserve('o-1')).thenNothing();
  });
});
