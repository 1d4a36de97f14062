import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { AssessmentScheme } from '../../assessment-scheme.js';

/** Read-only mapping onto the `assessment_register` view. */
@Entity({ tableName: 'assessment_register' })
export class AssessmentRow {
  @PrimaryKey({ type: 'string', fieldName: 'compound_id' }) compoundId!: string;
  @PrimaryKey({ type: 'string' }) quarter!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string', fieldName: 'company_id' }) companyId!: string;
  @Property({ type: 'string' }) status!: string;
  @Property({ type: 'json' }) scheme!: AssessmentScheme;
  @Property({ type: 'json' }) scores!: Record<string, number>;
  @Property({ type: 'json', fieldName: 'veto_items' }) vetoItems!: string[];
  @Property({ type: 'string', nullable: true }) rating!: string | null;
  @Property({ type: 'integer', fieldName: 'weighted_score_hundredths', nullable: true }) weightedScoreHundredths!: number | null;
  @Property({ type: 'json', nullable: true }) explanation!: string[] | null;
  @Property({ type: 'datetime', fieldName: 'opened_at' }) openedAt!: Date;
  @Property({ type: 'datetime', fieldName: 'concluded_at', nullable: true }) concludedAt!: Date | null;
}
