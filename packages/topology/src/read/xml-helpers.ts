import { LyncdrError } from '@lyncdr/errors';
import type { XmlElement } from '../xml/parse-xml';

/** Reads a required attribute, or throws E_TOPOLOGY_INVALID naming the file, line, element and attribute. */
export function required(el: XmlElement, attr: string, file: string): string {
  const v = el.attrs[attr];
  if (v === undefined || v.trim() === '') {
    throw new LyncdrError(
      'E_TOPOLOGY_INVALID',
      `<${el.name}> has no ${attr} attribute; fix the element or export the topology again`,
      {
        location: { file, line: el.line, where: `${el.name}@${attr}` },
      },
    );
  }
  return v.trim();
}

/** Elements that structure a Service; every other child is role-specific and its attributes are kept. */
const STRUCTURAL = new Set(['ServiceId', 'DependsOn', 'InstalledOn', 'Ports']);

/** Role-specific attributes of a Service (RegistrarService IsDirector, FileStoreService ShareName, …), flattened. */
export function serviceAttributes(service: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of service.children) {
    if (STRUCTURAL.has(c.name)) continue;
    for (const [k, v] of Object.entries(c.attrs)) out[k] = v;
  }
  return out;
}

export function bool(v: string | undefined): boolean | null {
  if (v === undefined) return null;
  return v.toLowerCase() === 'true';
}

/** E_TOPOLOGY_INVALID at an element. */
export function invalid(file: string, el: XmlElement, message: string): LyncdrError {
  return new LyncdrError('E_TOPOLOGY_INVALID', message, { location: { file, line: el.line, where: el.name } });
}
