export interface Page<T> {
  items: T[];
  /** Absent on the last page. Opaque to callers. */
  continuationToken?: string;
}

export interface PageOptions {
  /** Default 25, as Key Vault's data plane. */
  maxPageSize?: number;
  continuationToken?: string;
  /**
   * What the list call itself answers (names, ids, dates, tags) and no more: remote backends otherwise
   * read each listed key or certificate for the pane's columns (one request per item). Quick lookup
   * needs names only.
   */
  bare?: boolean;
}
