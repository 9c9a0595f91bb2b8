import { GRADE_BANDS } from "./policy";
import type { Grade } from "./types";

export function gradeForScore(score: number): Grade {
  return GRADE_BANDS.find((band) => score >= band.minScore)?.grade ?? "F";
}
