/** A known person as the API suggests them (POST /person-suggestions, GET /persons/:id/merges). */
export type PersonMatch = {
  id: string;
  kind: 'person' | 'organisation';
  name: string;
  organisationName: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  caseCount: number;
  latestReference: string | null;
  createdAt: string;
  reasons: ('sameEmail' | 'samePhone')[];
};

export type MergeOverview = {
  person: { id: string; name: string; createdAt: string; mergedIntoId: string | null };
  candidates: PersonMatch[];
  merges: { id: string; duplicateName: string; mergedAt: string; mergedByName: string; caseCount: number }[];
};
