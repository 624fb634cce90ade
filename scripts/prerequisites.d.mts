// Types of prerequisites.mjs for the TypeScript tests that import it.
export declare const APT_PACKAGES: string[];
export declare function missingPackages(packages: string[]): string[];
export interface PrerequisiteOptions {
  packages?: string[];
  chromium?: string;
  install?: boolean;
  log?: (line: string) => void;
}
export declare function ensurePrerequisites(options?: PrerequisiteOptions): string | undefined;
export declare function exitUnlessPrerequisites(options?: PrerequisiteOptions): void;
