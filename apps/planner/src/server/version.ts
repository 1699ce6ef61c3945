/** The lyncdr version the planner and its CLI report (and record in every run and document). */
export const VERSION = '0.1.0';
