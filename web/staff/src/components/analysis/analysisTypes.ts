import type { z } from 'zod';
import type { Dimension, DrillDown, dashboardOut, Granularity, volumesOut } from '../../../../../server/presenters/staff/dashboard.ts';

/** The analysis dashboard as the API sends it (inferred from the server's response schema; type-only). */
export type DashboardFigures = z.infer<typeof dashboardOut>;
export type CountFigure = DashboardFigures['received']['total'];
export type Volumes = z.infer<typeof volumesOut>;
export type { Dimension, DrillDown, Granularity };
