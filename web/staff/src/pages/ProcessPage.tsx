import { Alert, Heading2, LinkList, LinkListLink, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { ApiError } from '../api/client.ts';
import { useDirectory } from '../api/directory.ts';
import { useResource } from '../api/useResource.ts';
import { ErrorNotice, Loading } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { DefinitionEditor } from '../components/process/DefinitionEditor.tsx';
import { ProcessDiagram } from '../components/process/ProcessDiagram.tsx';
import { readProcess } from '../components/process/processModel.ts';
import { ProcessTables } from '../components/process/ProcessTables.tsx';
import { processPath, type ProcessOverview } from '../components/process/processTypes.ts';
import { VersionHistory } from '../components/process/VersionHistory.tsx';
import { type TextKey, useProcessI18n as useI18n } from '../components/process/useProcessI18n.ts';
import { AppLink, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import '../components/process/process.css';

/** The process owner's page: every process of the organisation, or one with its diagram, tables, editor and versions. */
export default function ProcessPage({ processKey }: { processKey?: string }) {
  return processKey ? <OneProcess key={processKey} processKey={processKey} /> : <ProcessList />;
}

function ProcessList() {
  const { t, l } = useI18n();
  const dir = useDirectory();
  const { can } = useSession();
  if (!can('process:read')) return <Forbidden />;
  return (
    <>
      <PageHeading title={t('processes.title')} />
      <Paragraph>{t('processes.intro')}</Paragraph>
      {dir ? (
        <LinkList>
          {dir.processes.map((p) => (
            <LinkListLink
              key={p.key}
              href={processPath(p.key)}
              onClick={(e) => {
                if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                e.preventDefault();
                navigate(processPath(p.key));
              }}
            >
              {l(p.label)}
            </LinkListLink>
          ))}
        </LinkList>
      ) : (
        <Loading />
      )}
    </>
  );
}

function Forbidden() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('processes.title')} />
      <Alert type="warning">
        <Paragraph>{t('app.forbidden')}</Paragraph>
      </Alert>
    </>
  );
}

function OneProcess({ processKey }: { processKey: string }) {
  const { t, l, has, date } = useI18n();
  const { can } = useSession();
  const res = useResource<ProcessOverview>(can('process:read') ? `/processes/${encodeURIComponent(processKey)}` : null);
  const p = res.data;
  const model = useMemo(() => (p ? readProcess(p.published.definition) : null), [p]);
  if (!can('process:read')) return <Forbidden />;
  if (!p || !model) {
    const missing = res.error instanceof ApiError && res.error.status === 404;
    return (
      <>
        <PageHeading title={t('processes.title')} />
        {missing ? (
          <Paragraph>{t('process.notFound')}</Paragraph>
        ) : res.error ? (
          <ErrorNotice error={res.error} onRetry={res.reload} />
        ) : (
          <Loading />
        )}
      </>
    );
  }
  const title = t('process.title', { label: l(p.label) });
  return (
    <>
      <PageHeading title={title} />
      <Paragraph>
        <AppLink to="/processen">{t('process.back')}</AppLink>
      </Paragraph>
      <Paragraph appearance="lead">
        {t('process.current', {
          version: p.published.version,
          date: date(p.published.publishedAt),
          name: p.published.publishedBy ?? '',
        })}
      </Paragraph>
      {model.regime ? (
        <Paragraph>
          {t('process.regime', {
            regime: has(`process.regime.${model.regime}`) ? t(`process.regime.${model.regime}` as TextKey) : model.regime,
          })}
        </Paragraph>
      ) : null}
      {!can('process:manage') ? <Paragraph className="kf-muted">{t('process.readOnly')}</Paragraph> : null}
      <section aria-labelledby="process-diagram-title" className="kf-section">
        <Heading2 id="process-diagram-title">{t('process.diagram')}</Heading2>
        <Paragraph>{t('process.diagramIntro')}</Paragraph>
        <ProcessDiagram model={model} version={p.published.version} />
      </section>
      <ProcessTables model={model} />
      {can('process:manage') ? <DefinitionEditor process={p} onChanged={res.reload} /> : null}
      <VersionHistory versions={p.versions} />
    </>
  );
}
