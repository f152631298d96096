/**
 * An init script that moves a page's clock by `offsetMs`, as on a machine whose clock is wrong:
 * `Date.now()` and `new Date()` shift; timers keep their real pace.
 */
export function shiftedClockScript(offsetMs: number): string {
  return `(() => {
    const RealDate = Date;
    const offset = ${offsetMs};
    class ShiftedDate extends RealDate {
      constructor(...args) {
        if (args.length === 0) super(RealDate.now() + offset);
        else super(...args);
      }
      static now() { return RealDate.now() + offset; }
    }
    globalThis.Date = ShiftedDate;
  })();`;
}
