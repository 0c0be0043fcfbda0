// An org's own redaction patterns: checked when they are set (a pattern that does not compile
// is a 422 naming it), compiled once per policy when turns are stored.
import type { FieldProblem } from "@switchboard/shared/errors";

export function compilePattern(source: string): RegExp | null {
  try {
    return new RegExp(source, "gi");
  } catch {
    return null;
  }
}

export function checkRedactionPatterns(problems: FieldProblem[], patterns: string[] | undefined): void {
  for (const [index, source] of (patterns ?? []).entries()) {
    const compiled = compilePattern(source);
    if (!compiled)
      problems.push({ field: `redaction.patterns.${index}`, message: "is not a valid regular expression" });
    // A pattern that matches the empty string would mask between every character.
    else if (compiled.test(""))
      problems.push({ field: `redaction.patterns.${index}`, message: "matches empty text" });
  }
}
