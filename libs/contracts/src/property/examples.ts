/** Realistic-looking ids for the property schema examples (no personal data). */
export const exampleIds = {
  community: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a01',
  appeal: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a06',
  compound: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7b01',
  company: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7b02',
  contract: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7b03',
  partyOrganisation: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7b04',
  assembly: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7b05',
  committee: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7b06',
  workOrder: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7b07',
  correlation: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7b08',
  unit: 'unit-3-2-1201',
  owner: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7b09',
  owner2: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7b0a',
  staff: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7b0b',
  streetOffice: 'street-0001',
} as const;
