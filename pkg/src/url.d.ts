// duo-selfhosted/url: the URL functions of the package, each answering with
// a Promise (see README, "The URL-only entry point"). The answers are the
// main entry point's, byte for byte.
import type {
  AllowlistMatch,
  AllowlistReport,
  CheckUrlOptions,
  Classification,
  InitInput,
  UrlVerdict,
} from './index.js';

export type {
  AllowlistEntry,
  AllowlistMatch,
  AllowlistReport,
  AddressClass,
  CheckUrlOptions,
  Classification,
  Diagnostic,
  InitInput,
  ParamValue,
  Preset,
  Severity,
  UrlPolicy,
  UrlVerdict,
} from './index.js';

/** Load the small module now (otherwise the first call does): a URL, Response, bytes or Module, or nothing for the file next to the glue. */
export function init(input?: InitInput): Promise<void>;

/** Load the full module, which answers input that needs IDNA, now (otherwise the first such input does). */
export function initIdna(input?: InitInput): Promise<void>;

/** The version of the crate the package was built from. */
export function version(): Promise<string>;

/** Whether a text goes to the full module: a non-ASCII character, a `%` or an `xn--` label anywhere in it. */
export function needsIdna(text: string): boolean;

/** The address class of a host, IP or URL (`duo-selfhosted classify`). */
export function classify(input: string): Promise<Classification>;

/** What GitLab's URL blocker does with a URL (`duo-selfhosted url`). */
export function checkUrl(url: string, options?: CheckUrlOptions): Promise<UrlVerdict>;

/** The outbound allowlist as GitLab reads it, with lints (`duo-selfhosted allowlist parse`). */
export function parseAllowlist(text: string): Promise<AllowlistReport>;

/** Whether the allowlist lets a host (and port) through (`duo-selfhosted allowlist match`). */
export function matchAllowlist(text: string, host: string, port?: number): Promise<AllowlistMatch>;

/** An allowlist parsed and indexed once. */
export interface CompiledAllowlist {
  /** What `matchAllowlist(text, host, port)` answers, without parsing the text again. */
  match(host: string, port?: number): Promise<AllowlistMatch>;
  /** Release its memory now (otherwise the garbage collector does). */
  free(): void;
}

/** Parse and index an allowlist once, to match many hosts against it. */
export function compileAllowlist(text: string): Promise<CompiledAllowlist>;
