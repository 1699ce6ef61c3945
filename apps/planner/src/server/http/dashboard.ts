/** The browser dashboard (`GET /`, `/assets/*`, `/api/events`, the plan wizard routes) lives in src/dashboard. */
export { createDashboard, type Dashboard } from '../../dashboard/index';
