/**
 * Identifies the grading method. Stored with every grade so that a historic grade can be explained
 * with the method that produced it. Bump it whenever any number, rule or formula here changes, and
 * record the change in docs/grading.md ("Method versions").
 */
export const GRADING_METHOD_VERSION = "open-ports-1.1.0";
