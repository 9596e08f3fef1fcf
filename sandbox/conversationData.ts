// Kept at this path for the engine tests that import the recording helpers (test/engine is frozen).
export { sineWav, transcriptText } from './domains/conversations/state';
