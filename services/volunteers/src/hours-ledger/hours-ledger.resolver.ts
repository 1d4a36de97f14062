import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Public, type Actor } from '@cogov/auth';
import { ValidationError } from '@cogov/domain';
import { requireUuid } from '@cogov/service-kit';
import { CertificateVerificationType, HoursLedgerType } from './hours-ledger.graphql.js';
import { HoursLedgerReader } from './hours-ledger-reader.js';

/** Crockford base32 in the groups verificationCodeOf prints; clients may send lower case. */
const VERIFICATION_CODE = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}-[0-9A-HJKMNP-TV-Z]{6}$/;

@Resolver()
export class HoursLedgerQueriesResolver {
  constructor(@Inject(HoursLedgerReader) private readonly reader: HoursLedgerReader) {}

  @Query(() => HoursLedgerType)
  hoursLedger(@Args('volunteerId', { type: () => ID }) volunteerId: string, @CurrentActor() actor: Actor): Promise<HoursLedgerType> {
    return this.reader.ledger(actor, requireUuid(volunteerId, 'volunteerId'));
  }

  @Public()
  @Query(() => CertificateVerificationType, { description: 'Public: checks a certificate of service by its verification code.' })
  verifyServiceCertificate(@Args('code') code: string): Promise<CertificateVerificationType> {
    const normalised = typeof code === 'string' ? code.trim().toUpperCase() : '';
    if (!VERIFICATION_CODE.test(normalised)) throw new ValidationError('code', 'code must be a verification code XXXXX-XXXXX-XXXXX-XXXXX-XXXXXX');
    return this.reader.verify(normalised);
  }
}
