import cron from 'node-cron';

export interface Scheduler {
  start(): void;
  stop(): Promise<void>;
}

/** One node-cron task per collector from the config; overlapping runs are prevented by the runner. */
export function createScheduler(schedules: Record<string, string>, fire: (collectorId: string) => void): Scheduler {
  const tasks: ReturnType<typeof cron.schedule>[] = [];
  return {
    start() {
      for (const [id, expr] of Object.entries(schedules)) {
        tasks.push(cron.schedule(expr, () => fire(id), { name: `lyncdr-${id}`, noOverlap: true }));
      }
    },
    async stop() {
      for (const t of tasks.splice(0)) {
        await t.stop();
        await t.destroy();
      }
    },
  };
}
