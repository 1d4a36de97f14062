import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ServiceRecord', { description: 'One verified service record (志愿服务记录).' })
export class ServiceRecordType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'Where the service was given.' }) communityId!: string;
  @Field({ description: 'opportunity | pairing_activity | party_activity | other' }) sourceKind!: string;
  @Field(() => ID, { nullable: true }) sourceId!: string | null;
  @Field() activity!: string;
  @Field() servedOn!: string;
  @Field() place!: string;
  @Field() content!: string;
  @Field() organisingUnit!: string;
  @Field(() => ID) personInChargeId!: string;
  @Field({ description: 'Masked unless your role and jurisdiction allow it.' }) personInChargeName!: string;
  @Field(() => Int) servedMinutes!: number;
  @Field(() => Int) workingDaysToRecord!: number;
  @Field({ description: 'Entered more than 10 working days after the service.' }) late!: boolean;
  @Field() recordedAt!: string;
}

@ObjectType('ServiceCertificate', { description: 'A certificate of service (服务证明) issued from the ledger.' })
export class ServiceCertificateType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Printed on the certificate; anyone can check it with verifyServiceCertificate.' }) verificationCode!: string;
  @Field(() => ID) communityId!: string;
  @Field(() => Float) serviceHours!: number;
  @Field(() => Int) starLevel!: number;
  @Field() issuedAt!: string;
  @Field() revoked!: boolean;
}

@ObjectType('HoursLedger', { description: "A volunteer's service-hours ledger." })
export class HoursLedgerType {
  @Field(() => ID) volunteerId!: string;
  @Field(() => Int) totalVerifiedMinutes!: number;
  @Field(() => Float) totalVerifiedHours!: number;
  @Field(() => Int, { description: '星级: 1–5 at 100/300/600/1000/1500 hours, 0 below.' }) starLevel!: number;
  @Field(() => Int) lateRecords!: number;
  @Field(() => [ServiceRecordType]) records!: ServiceRecordType[];
  @Field(() => [ServiceCertificateType]) certificates!: ServiceCertificateType[];
}

@ObjectType('ServiceCertificateVerification', {
  description: 'The public answer about a certificate: non-personal facts only (no name, no volunteer id).',
})
export class CertificateVerificationType {
  @Field({ description: 'Issued and not revoked.' }) valid!: boolean;
  @Field() revoked!: boolean;
  @Field(() => Float, { nullable: true }) serviceHours!: number | null;
  @Field(() => Int, { nullable: true }) starLevel!: number | null;
  @Field(() => String, { nullable: true }) issuedOn!: string | null;
  @Field(() => ID, { nullable: true }) issuingCommunityId!: string | null;
}

export const hoursOf = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;
