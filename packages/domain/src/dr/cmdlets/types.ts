/** The shape of a generated cmdlet index (tools/gen-cmdlet-index.mjs): one per product version. */
export interface CmdletEntry {
  /** Parameters the page lists for this product, as the page spells them (without the dash). */
  params: readonly string[];
  /** True when the page lists CommonParameters (-Verbose, -ErrorAction…). */
  common: boolean;
  /** Parameters the page lists only for other products → the products they apply to. */
  otherParams?: Readonly<Record<string, string>>;
}

export interface CmdletSet {
  /** Product name as the pages write it, e.g. "Lync Server 2013". */
  product: string;
  /** Folder of ../shared/reference the pages come from. */
  source: string;
  commonParameters: readonly string[];
  /** Cmdlet name as the page spells it → its parameters. */
  cmdlets: Readonly<Record<string, CmdletEntry>>;
  /** Cmdlets with a page that does not apply to this product → the products it applies to. */
  elsewhere: Readonly<Record<string, string>>;
}
