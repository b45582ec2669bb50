/**
 * A version record's domain properties, cached on the record itself. Listing 100,000 secrets would
 * otherwise allocate 400,000 objects (props, tags, two Dates) on every listing and on every get, and
 * GC of those dominated the time. A symbol-keyed slot rather than a WeakMap: 100,000 WeakMap entries
 * made every GC slow (ephemerons); JSON.stringify and structuredClone skip symbol keys, so snapshots never
 * see it. The cache is cleared by ObjectStore.updateVersion, the only place a version changes.
 */
const PROPS = Symbol('properties');
type Slot = { [PROPS]?: unknown };

export function cachedProps<P>(v: object): P | undefined {
  return (v as Slot)[PROPS] as P | undefined;
}

export function rememberProps<P>(v: object, props: P): P {
  (v as Slot)[PROPS] = props;
  return props;
}

export function forgetProps(v: object): void {
  (v as Slot)[PROPS] = undefined;
}
