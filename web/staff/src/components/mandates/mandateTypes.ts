/** A representative's mandate as the API sends it (seed 003). */
export type Mandate = {
  id: string;
  represented: { id: string; name: string };
  representative: { id: string; name: string };
  scope: 'complaints';
  verification: MandateVerification;
  validFrom: string;
  validUntil: string | null;
  recordedAt: string;
  recordedByName: string;
  revokedAt: string | null;
  revokedByName: string | null;
};
export const VERIFICATIONS = ['writtenAuthorisation', 'phoneWithRepresentedPresent', 'legalRepresentative'] as const;
export type MandateVerification = (typeof VERIFICATIONS)[number];
