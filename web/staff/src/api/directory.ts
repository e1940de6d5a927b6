import { useEffect, useState } from 'react';
import { api } from './client.ts';
import type { PortalSettings, ProcessDef, StaffUser, Team } from './types.ts';
import { useLoadingReport } from '../components/Skeleton.tsx';

/**
 * What screens need to name things: colleagues, teams, processes (status and field labels), and
 * the organisation's name. Loaded once per session and shared; a list one may not read is empty.
 */
export type Directory = { users: StaffUser[]; teams: Team[]; processes: ProcessDef[] };
let cached: Promise<Directory> | null = null;

export function loadDirectory(): Promise<Directory> {
  cached ??= Promise.all([
    api.get<{ items: StaffUser[] }>('/users').then(
      (r) => r.items,
      () => [],
    ),
    api.get<{ items: Team[] }>('/teams').then(
      (r) => r.items,
      () => [],
    ),
    api.get<{ items: ProcessDef[] }>('/processes').then(
      (r) => r.items,
      () => [],
    ),
  ]).then(([users, teams, processes]) => ({ users, teams, processes }));
  return cached;
}
export function resetDirectory() {
  cached = null;
}

export function useDirectory(): Directory | null {
  const [dir, setDir] = useState<Directory | null>(null);
  useEffect(() => {
    let live = true;
    loadDirectory().then((d) => live && setDir(d));
    return () => {
      live = false;
    };
  }, []);
  // Inside a <RevealTogether> the page waits for it too: the queue's team filter appeared with it and
  // pushed the list down (CLS 0.24 when it came late).
  useLoadingReport(dir === null);
  return dir;
}

let settings: Promise<PortalSettings | null> | null = null;
/** The public portal settings (the only public source of the organisation's name and logo), read once. */
function loadPublicSettings(): Promise<PortalSettings | null> {
  settings ??= api.get<PortalSettings>('/portal/settings', { quiet401: true }).then(
    (s) => s,
    () => null,
  );
  return settings;
}
/** The organisation's name, from the public portal settings. */
export function loadOrganisationName(): Promise<string> {
  return loadPublicSettings().then((s) => s?.organisation ?? '');
}
/** The configured logo (organisation configuration theme.logoPath) and its text alternative, or null. */
export function loadLogo(): Promise<{ url: string; alt: string } | null> {
  return loadPublicSettings().then((s) => s?.logo ?? null);
}
