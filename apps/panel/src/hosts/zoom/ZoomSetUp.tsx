import { formatLongDate, TEMPLATES } from '@cercle/domain';
import type { ZoomGroupOption } from '@cercle/protocol';
import { useState } from 'react';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { SessionSetupFields } from '../../routes/SessionSetupFields.tsx';
import { TemplatePicker } from '../../routes/TemplatePicker.tsx';
import { useDraft } from '../../ui/useDraft.ts';

/** What the host sets the meeting up with. */
export type ZoomSetUpChoice =
  | { readonly kind: 'newGroup'; readonly groupName: string; readonly templateKey: string }
  | { readonly kind: 'group'; readonly group: ZoomGroupOption; readonly templateKey: string };

const NEW_GROUP = '';

/**
 * The host's set-up of a meeting with no session yet: a new group, or one of the groups they
 * facilitated (the server's list, never one the panel makes up), the group this recurring meeting
 * held last time chosen first.
 */
export function ZoomSetUp({
  groups,
  hasGroupsFailed,
  error,
  isBusy,
  onSetUp,
}: {
  /** Null while the server is asked. */
  groups: readonly ZoomGroupOption[] | null;
  hasGroupsFailed: boolean;
  error: string | null;
  isBusy: boolean;
  onSetUp: (choice: ZoomSetUpChoice) => void;
}) {
  const { locale } = useI18n();
  const pages = usePageMessages();
  const w = pages.zoom.groups;
  const [groupName, setGroupName] = useDraft('zoom:group');
  const [templateKey, setTemplateKey] = useState(TEMPLATES[0]?.key ?? 'remote-2h');
  const [picked, setPicked] = useState<string | null>(null);
  const [groupTemplateKey, setGroupTemplateKey] = useState<string | null>(null);
  const selected = picked ?? groups?.find((g) => g.isUsualHere)?.groupId ?? NEW_GROUP;
  const group = groups?.find((g) => g.groupId === selected) ?? null;
  const date = { format: (at: number) => formatLongDate(at, locale) };

  const describe = (g: ZoomGroupOption) =>
    [
      w.session(g.sessionNumber, g.cycleSessions),
      g.resumes ? w.resumes : null,
      g.lastSessionAt === null ? null : w.lastMet(date.format(g.lastSessionAt)),
    ]
      .filter((part) => part !== null)
      .join(' – ');

  const pick = (groupId: string) => {
    setPicked(groupId);
    setGroupTemplateKey(null);
  };

  return (
    <form
      className="card form"
      onSubmit={(e) => {
        e.preventDefault();
        if (group)
          onSetUp({ kind: 'group', group, templateKey: groupTemplateKey ?? group.templateKey });
        else onSetUp({ kind: 'newGroup', groupName: groupName.trim(), templateKey });
      }}
    >
      <h2>{pages.zoom.setUpTitle}</h2>
      <p>{pages.zoom.setUpIntro}</p>
      {groups === null ? (
        <p className="loading" role="status">
          {w.loading}
        </p>
      ) : (
        <>
          {hasGroupsFailed && (
            <p className="muted" role="status" data-testid="zoom-groups-failed">
              {w.failed}
            </p>
          )}
          {groups.length > 0 && (
            <fieldset className="templates" data-testid="zoom-groups">
              <legend>{w.legend}</legend>
              <p className="muted">{w.intro}</p>
              {groups.map((g) => (
                <label key={g.groupId} className="template-option" data-testid="zoom-group">
                  <input
                    type="radio"
                    name="zoom-group"
                    value={g.groupId}
                    checked={selected === g.groupId}
                    onChange={() => pick(g.groupId)}
                  />
                  <span>
                    <strong>{g.groupName}</strong>
                    {g.isUsualHere && (
                      <>
                        {' – '}
                        <em data-testid="zoom-group-usual">{w.usualHere}</em>
                      </>
                    )}
                    <span className="template-option__stages">{describe(g)}</span>
                  </span>
                </label>
              ))}
              <label className="template-option">
                <input
                  type="radio"
                  name="zoom-group"
                  value={NEW_GROUP}
                  checked={selected === NEW_GROUP}
                  onChange={() => pick(NEW_GROUP)}
                  data-testid="zoom-group-new"
                />
                <span>
                  <strong>{w.newGroup}</strong>
                </span>
              </label>
            </fieldset>
          )}
          {group === null ? (
            <SessionSetupFields
              groupName={groupName}
              onGroupName={setGroupName}
              templateKey={templateKey}
              onTemplateKey={setTemplateKey}
            />
          ) : (
            // A session taken on keeps its format; a next one starts from the group's last.
            !group.resumes && (
              <TemplatePicker
                value={groupTemplateKey ?? group.templateKey}
                onChange={setGroupTemplateKey}
              />
            )
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button
            type="submit"
            className="primary wide"
            disabled={isBusy || (group === null && !groupName.trim())}
            data-testid="zoom-set-up"
          >
            {group ? w.open(group.sessionNumber) : pages.zoom.setUp}
          </button>
        </>
      )}
    </form>
  );
}
