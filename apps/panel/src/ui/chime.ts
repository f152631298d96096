/** A soft two-note chime drawn with Web Audio: no file to fetch, quiet, under a second. */
export function playChime(): void {
  const Context = globalThis.AudioContext;
  if (!Context) return;
  const audio = new Context();
  const start = audio.currentTime + 0.02;
  for (const [i, frequency] of [660, 880].entries()) {
    const at = start + i * 0.18;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    // A short rise then an exponential fade: no click at either end.
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.12, at + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.7);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.75);
  }
  setTimeout(() => void audio.close().catch(() => undefined), 1500);
}
