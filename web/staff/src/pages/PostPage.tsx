import {
  Button,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useCallback, useEffect, useState } from 'react';
import { TableWrap } from '../../../ui/index.ts';
import { API, api } from '../api/client.ts';
import { announce } from '../components/announce.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { type Bilingual, useI18n } from '../i18n/i18n.tsx';
import { AppLink } from '../router.tsx';
import '../i18n/sections/post.ts';

export type PostalItem = {
  id: string;
  caseId: string;
  caseReference: string;
  what: Bilingual;
  recipientName: string;
  onBehalfOf: string | null;
  addressLines: string[];
  addressMissing: boolean;
  documentId: string;
  filename: string;
  createdAt: string;
  postedAt: string | null;
  postedBy: string | null;
};

/**
 * Te versturen post: letters for complainants without e-mail, oldest first. Staff print each PDF,
 * post it and mark it posted; that day it counts as sent (a decision letter then closes the case).
 */
export default function PostPage() {
  const { t, l, dateTime } = useI18n();
  const [posted, setPosted] = useState(false);
  const [items, setItems] = useState<PostalItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async (showPosted: boolean) => {
    setError(null);
    try {
      setItems((await api.get<{ items: PostalItem[] }>(`/postal-items?posted=${showPosted}`)).items);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => void load(posted), [load, posted]);

  const markPosted = async (item: PostalItem) => {
    setBusy(item.id);
    setError(null);
    try {
      await api.post(`/postal-items/${item.id}/posted`);
      announce(t('post.marked', { what: l(item.what), name: item.recipientName }));
      await load(posted);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const status =
    items === null
      ? t('app.loading')
      : items.length === 0
        ? t(posted ? 'post.emptyPosted' : 'post.empty')
        : items.length === 1
          ? t(posted ? 'post.countPostedOne' : 'post.countOne')
          : t(posted ? 'post.countPosted' : 'post.count', { count: items.length });
  return (
    <>
      <PageHeading title={t('post.title')} />
      <Paragraph>{t('post.intro')}</Paragraph>
      <Paragraph>
        <Button appearance="secondary-action-button" onClick={() => setPosted(!posted)}>
          {t(posted ? 'post.showToPost' : 'post.showPosted')}
        </Button>
      </Paragraph>
      {error ? <ErrorNotice error={error} onRetry={() => void load(posted)} /> : null}
      <Paragraph role="status" aria-live="polite">
        {status}
      </Paragraph>
      {items?.length ? (
        <TableWrap label={t('post.caption')}>
          <Table>
            <TableCaption className="kf-visually-hidden">{t('post.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('post.col.letter')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('post.col.case')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('post.col.to')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t(posted ? 'post.col.posted' : 'post.col.since')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('post.col.action')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item) => (
                <TableRow key={item.id}>
                  <TableCell>{l(item.what)}</TableCell>
                  <TableCell>
                    <AppLink to={`/meldingen/${item.caseId}`}>{item.caseReference}</AppLink>
                  </TableCell>
                  <TableCell>
                    <strong>{item.recipientName}</strong>
                    {item.onBehalfOf ? <> ({t('post.onBehalfOf', { name: item.onBehalfOf })})</> : null}
                    {item.addressLines.map((line) => (
                      <div key={line}>{line}</div>
                    ))}
                    {item.addressMissing ? (
                      <div>
                        <strong>{t('post.addressMissing')}</strong>
                      </div>
                    ) : null}
                  </TableCell>
                  <TableCell className="kf-nowrap">
                    {item.postedAt
                      ? t('post.postedBy', { date: dateTime(item.postedAt), name: item.postedBy ?? '' })
                      : dateTime(item.createdAt)}
                  </TableCell>
                  <TableCell>
                    <Link
                      href={`${API}/documents/${item.documentId}/content`}
                      target="_blank"
                      aria-label={t('post.printLabel', { what: l(item.what), name: item.recipientName })}
                    >
                      {t('post.print')}
                    </Link>
                    {item.postedAt ? null : (
                      <div>
                        <Button
                          appearance="primary-action-button"
                          busy={busy === item.id}
                          disabled={busy !== null}
                          aria-label={t('post.markPostedLabel', { what: l(item.what), name: item.recipientName })}
                          onClick={() => void markPosted(item)}
                        >
                          {t('post.markPosted')}
                        </Button>
                      </div>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
      ) : null}
    </>
  );
}
