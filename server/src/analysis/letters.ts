/**
 * Arabic letters as the fold table leaves them (normalize.ts), for the code-unit tests of the
 * tokenizer, the matcher and the candidate rules.
 */
export const ALEF = 0x0627;
export const BEH = 0x0628;
export const FEH = 0x0641;
export const KAF = 0x0643;
export const LAM = 0x0644;
export const HEH = 0x0647;
export const WAW = 0x0648;
export const YEH = 0x064a;
