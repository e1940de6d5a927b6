import { Paragraph } from '@utrecht/component-library-react';
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { AppLink } from '../router.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('app.notFoundTitle')} />
      <Paragraph>{t('app.notFoundText')}</Paragraph>
      <Paragraph>
        <AppLink to="/">{t('app.toHome')}</AppLink>
      </Paragraph>
    </>
  );
}
