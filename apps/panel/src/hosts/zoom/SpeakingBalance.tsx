import { currentStage } from '@cercle/domain';
import { useEffect, useRef, useState } from 'react';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import {
  groupByName,
  recordSpeakers,
  type SpeakingTally,
  speakingShares,
  startTally,
} from './speakingBalance.ts';
import type { ZoomShell } from './ZoomShell.tsx';
import { parseActiveSpeakers } from './zoomClient.ts';
import { chatFailure } from './zoomOutcomes.ts';

/** Zoom's SDK reference: `onActiveSpeakerChange` goes to the host and co-hosts, not to guests. */
const SPEAKER_EVENT_ROLES: ReadonlySet<string> = new Set(['host', 'coHost']);
const REFRESH_MS = 1000;

/**
 * The facilitator's opt-in speaking balance: off by default; switched on only once the meeting chat
 * has told everyone; the share of speaking time per role in the current stage, kept in memory on
 * this device and forgotten when switched off or when the stage changes.
 */
export function SpeakingBalance({ shell }: { shell: ZoomShell }) {
  const { t, pick } = useI18n();
  const pages = usePageMessages();
  const balance = pages.zoom.balance;
  const [isOn, setIsOn] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [, setTick] = useState(0);
  const tally = useRef<SpeakingTally | null>(null);
  const view = shell.watched?.view ?? null;
  const stageIndex = view?.currentStageIndex ?? -1;
  const people = view?.people;
  const groupOfRef = useRef(groupByName(people ?? []));
  groupOfRef.current = groupByName(people ?? []);

  // A new stage starts a new count; whoever speaks goes on counting for it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the stage index is the trigger.
  useEffect(() => {
    if (tally.current)
      tally.current = { ...startTally(Date.now()), speaking: tally.current.speaking };
  }, [stageIndex]);

  useEffect(() => {
    if (!isOn) return;
    const onSpeakers = (data: unknown) => {
      const names = parseActiveSpeakers(data);
      if (!names || !tally.current) return;
      tally.current = recordSpeakers(tally.current, names, Date.now(), groupOfRef.current);
    };
    tally.current = startTally(Date.now());
    shell.connection.sdk.addEventListener('onActiveSpeakerChange', onSpeakers);
    const timer = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => {
      shell.connection.sdk.removeEventListener('onActiveSpeakerChange', onSpeakers);
      clearInterval(timer);
      tally.current = null;
    };
  }, [isOn, shell.connection]);

  if (!view) return null;
  const announce = (message: string) =>
    shell.connection.call((sdk) => sdk.sendMessageToChat({ message }));

  const switchOn = async () => {
    const user = await shell.refreshUser();
    if (!user || user.isGuest) return setProblem(balance.guest);
    if (!SPEAKER_EVENT_ROLES.has(user.role)) return setProblem(balance.notHost);
    try {
      await announce(balance.announceOn(view.groupName));
    } catch {
      return setProblem(
        `${balance.announceFailed} ${chatFailure(shell.runningContext, pages.zoom)}`,
      );
    }
    setIsOn(true);
  };
  const switchOff = async () => {
    setIsOn(false);
    await announce(balance.announceOff(view.groupName)).catch(() =>
      setProblem(chatFailure(shell.runningContext, pages.zoom)),
    );
  };

  const shares = tally.current ? speakingShares(tally.current, Date.now()) : [];
  return (
    <section className="zoom-balance" aria-labelledby="zoom-balance-title">
      <h4 id="zoom-balance-title">{balance.title}</h4>
      <button
        type="button"
        className="wide"
        aria-pressed={isOn}
        disabled={isBusy}
        data-testid="zoom-balance-toggle"
        aria-describedby="zoom-balance-scope"
        onClick={() => {
          setProblem(null);
          setIsBusy(true);
          void (isOn ? switchOff() : switchOn()).finally(() => setIsBusy(false));
        }}
      >
        {isOn ? balance.stop : balance.toggle}
      </button>
      <p id="zoom-balance-scope" className="hint">
        {balance.scope}
      </p>
      {problem && (
        <p className="error" role="alert" data-testid="zoom-balance-problem">
          {problem}
        </p>
      )}
      {isOn && (
        <div data-testid="zoom-balance">
          <p className="hint">{balance.stage(pick(currentStage(view).title))}</p>
          {shares.length === 0 ? (
            <p>{balance.nobody}</p>
          ) : (
            <ul>
              {shares.map((share) => (
                <li key={share.group} data-group={share.group} data-percent={share.percent}>
                  {share.group === 'unknown' ? balance.unknown : t.roles[share.group]}
                  {t.colon} {share.percent} %
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
