import { schedule, validate, type ScheduledTask } from 'node-cron';
import { LyncdrError } from '@lyncdr/errors';
import type { Logger } from '@lyncdr/logger';

export interface Scheduler {
  stop(): void;
}

/** Runs jobs on node-cron expressions (UTC). A failing job is logged and runs again at its next time. */
export function createScheduler(jobs: { name: string; cron: string | null; run: () => unknown }[], log: Logger): Scheduler {
  for (const j of jobs) {
    if (j.cron && !validate(j.cron)) {
      throw new LyncdrError('E_CONFIG', `${j.name}: "${j.cron}" is not a valid cron expression (minute hour day month weekday)`);
    }
  }
  const tasks: ScheduledTask[] = jobs
    .filter((j): j is typeof j & { cron: string } => Boolean(j.cron))
    .map((j) =>
      schedule(j.cron, async () => {
        try {
          await j.run();
        } catch (e) {
          log.error('job.failed', { job: j.name, error: (e as Error).message });
        }
      }, { name: j.name, timezone: 'Etc/UTC', noOverlap: true }),
    );
  return {
    stop() {
      for (const t of tasks) void t.stop();
    },
  };
}
