/**
 * Who sends the alerts among planners that watch the same deployment: the first in the configured order that is not
 * down, as this planner sees it (its own monitor); this planner counts itself as up. Pure.
 */
export function alertSender(order: readonly string[], self: string, down: ReadonlySet<string>): string {
  for (const name of order) {
    if (name === self || !down.has(name)) return name;
  }
  return self;
}
