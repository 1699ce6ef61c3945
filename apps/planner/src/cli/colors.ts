import type { CliContext } from './context';

export type Tone = 'good' | 'bad' | 'warn' | 'dim';

const SGR: Record<Tone, [string, string]> = {
  good: ['\x1b[32m', '\x1b[39m'],
  bad: ['\x1b[31m', '\x1b[39m'],
  warn: ['\x1b[33m', '\x1b[39m'],
  dim: ['\x1b[2m', '\x1b[22m'],
};

/** Colours a status word when the context allows it (stdout a terminal, NO_COLOR unset); otherwise returns it as is. */
export function painter(ctx: Pick<CliContext, 'color'>): (tone: Tone, text: string) => string {
  return ctx.color ? (tone, text) => `${SGR[tone][0]}${text}${SGR[tone][1]}` : (_tone, text) => text;
}

