/** The repository's root folder. */
export declare const ROOT: string;
/** Every source file of the build, sorted. */
export declare function sourceFiles(): string[];
/** A hash of the code: stored with the saved index, so that new code rebuilds it. */
export declare function codeVersion(): string;
