import { VocabularyError, vocabularyFromJson } from "../../src/domain";

/** The problems a vocabulary file is refused with; fails the test when the file is accepted. */
export function problemsOf(data: unknown): string[] {
  try {
    vocabularyFromJson(data);
  } catch (e) {
    expect(e).toBeInstanceOf(VocabularyError);
    return (e as VocabularyError).problems;
  }
  throw new Error("the vocabulary file was accepted");
}
