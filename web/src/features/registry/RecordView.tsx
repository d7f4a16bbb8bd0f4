/**
 * A resident's record as the registry holds it: particulars, household, cards and history. The police screen and the
 * citizen's "Hồ sơ của tôi" show the same view (the citizen sees what the police see about them, less the wanted flag,
 * which the server never sends to a citizen).
 */
import { Descriptions, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { relationKey, type Card, type HistoryEntry, type HouseholdMember, type ResidentRecord } from './api.ts';

/** History lists database columns (status_date); the labels are keyed by the API's names (statusDate). */
function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

export function useRegistryLabels() {
  const { t } = useTranslation();
  return {
    sex: (sex: string) => t(`registry.sex.${sex}`, { defaultValue: sex }),
    status: (status: string) => t(`registry.status.${status}`, { defaultValue: status }),
    cardType: (type: string) => t(`registry.cardType.${type}`, { defaultValue: type }),
    cardStatus: (status: string) => t(`registry.cardStatus.${status}`, { defaultValue: status }),
    relation: (relation: string | null) => {
      const key = relationKey(relation);
      return key ? t(`relations.${key}`) : (relation ?? '—');
    },
    historyKind: (kind: string) => t(`registry.historyKind.${kind}`, { defaultValue: kind }),
    field: (field: string) => t(`registry.fields.${field}`, { defaultValue: field }),
  };
}

export function CardStatusTag({ card }: { card: Card }) {
  const labels = useRegistryLabels();
  const { t } = useTranslation();
  if (card.status === 'active' && card.expired) return <StatusTag tone="warn">{t('registry.cardStatus.expired')}</StatusTag>;
  const tone = card.status === 'active' ? 'ok' : card.status === 'replaced' ? 'neutral' : 'bad';
  return <StatusTag tone={tone}>{labels.cardStatus(card.status)}</StatusTag>;
}

export function RecordView({ record, memberLink, cardActions, extraTabs }: { record: ResidentRecord; memberLink?: (member: HouseholdMember) => string | undefined; cardActions?: (card: Card) => ReactNode; extraTabs?: Array<{ key: string; label: string; children: ReactNode }> }) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const relative = (value: ResidentRecord['father']) => (value ? (value.fullName ?? value.personId ?? '—') : '—');
  const particulars = [
    { key: 'personId', label: t('registry.fields.personId'), children: <span className="mono" data-testid="record-person-id">{record.personId}</span> },
    { key: 'fullName', label: t('registry.fields.fullName'), children: <strong data-testid="record-name">{record.fullName}</strong> },
    { key: 'birthDate', label: t('registry.fields.birthDate'), children: formatDate(record.birthDate) },
    { key: 'sex', label: t('registry.fields.sex'), children: labels.sex(record.sex) },
    { key: 'status', label: t('registry.fields.status'), children: `${labels.status(record.status)}${record.statusDate ? ` (${formatDate(record.statusDate)})` : ''}` },
    { key: 'nationality', label: t('registry.fields.nationality'), children: record.nationality },
    { key: 'ethnicity', label: t('registry.fields.ethnicity'), children: record.ethnicity },
    { key: 'religion', label: t('registry.fields.religion'), children: record.religion },
    { key: 'hometown', label: t('registry.fields.hometown'), children: record.hometown ?? '—' },
    { key: 'permanentAddress', label: t('registry.fields.permanentAddress'), children: record.permanentAddress ?? '—' },
    { key: 'currentAddress', label: t('registry.fields.currentAddress'), children: record.currentAddress ?? '—' },
    { key: 'ward', label: t('registry.fields.ward'), children: record.wardName ? `${record.wardName} (${record.wardCode})` : record.wardCode },
    { key: 'oldIds', label: t('registry.fields.oldIds'), children: record.oldIds.length > 0 ? record.oldIds.join(', ') : '—' },
    { key: 'eIdLevel', label: t('registry.fields.eIdLevel'), children: record.eIdLevel > 0 ? t('registry.eIdLevelValue', { level: record.eIdLevel }) : t('registry.eIdNone') },
    { key: 'father', label: t('registry.fields.father'), children: relative(record.father) },
    { key: 'mother', label: t('registry.fields.mother'), children: relative(record.mother) },
    { key: 'spouse', label: t('registry.fields.spouse'), children: relative(record.spouse) },
  ];
  const members = record.household?.members ?? [];
  const tabs = [
    {
      key: 'household',
      label: t('registry.record.household', { count: members.length }),
      children: record.household ? (
        <>
          <Typography.Paragraph>
            {t('registry.record.householdLine', { id: record.household.id, address: record.household.address })}
          </Typography.Paragraph>
          <ResponsiveTable<HouseholdMember>
            rows={members}
            rowKey={(member) => member.personId}
            emptyText={t('registry.record.noMembers')}
            caption={t('registry.record.householdMembers')}
            testId="household-members"
            columns={[
              {
                key: 'name',
                title: t('registry.fields.fullName'),
                render: (member) => {
                  const to = memberLink?.(member);
                  return to && member.personId !== record.personId ? <Link to={to}>{member.fullName}</Link> : member.fullName;
                },
              },
              { key: 'relation', title: t('registry.fields.relationToHead'), render: (member) => labels.relation(member.relationToHead) },
              { key: 'birthDate', title: t('registry.fields.birthDate'), render: (member) => formatDate(member.birthDate) },
              { key: 'sex', title: t('registry.fields.sex'), render: (member) => labels.sex(member.sex) },
              { key: 'status', title: t('registry.fields.status'), render: (member) => labels.status(member.status) },
            ]}
          />
        </>
      ) : (
        <Typography.Paragraph>{t('registry.record.noHousehold')}</Typography.Paragraph>
      ),
    },
    {
      key: 'cards',
      label: t('registry.record.cards', { count: record.cards.length }),
      children: (
        <ResponsiveTable<Card>
          rows={record.cards}
          rowKey={(card) => card.id}
          emptyText={t('registry.record.noCards')}
          caption={t('registry.record.cardsCaption')}
          testId="cards"
          columns={[
            { key: 'type', title: t('registry.fields.cardType'), render: (card) => labels.cardType(card.type) },
            { key: 'number', title: t('registry.fields.cardNumber'), render: (card) => <span className="mono">{card.number}</span> },
            { key: 'issueDate', title: t('registry.fields.issueDate'), render: (card) => formatDate(card.issueDate) },
            { key: 'expiryDate', title: t('registry.fields.expiryDate'), render: (card) => (card.expiryDate ? formatDate(card.expiryDate) : t('registry.record.noExpiry')) },
            { key: 'status', title: t('registry.fields.cardStatus'), render: (card) => <CardStatusTag card={card} /> },
            ...(cardActions ? [{ key: 'actions', title: t('common.actions'), render: (card: Card) => cardActions(card) }] : []),
          ]}
        />
      ),
    },
    {
      key: 'history',
      label: t('registry.record.history', { count: record.history.length }),
      children: (
        <ResponsiveTable<HistoryEntry>
          rows={[...record.history].sort((a, b) => b.version - a.version)}
          rowKey={(entry) => String(entry.version)}
          emptyText={t('registry.record.noHistory')}
          caption={t('registry.record.historyCaption')}
          testId="history"
          columns={[
            { key: 'kind', title: t('registry.record.change'), render: (entry) => labels.historyKind(entry.kind) },
            { key: 'changedAt', title: t('registry.record.when'), render: (entry) => formatDateTime(entry.changedAt) },
            { key: 'reason', title: t('registry.record.reason'), render: (entry) => entry.reason ?? '—' },
            { key: 'fields', title: t('registry.record.fieldsChanged'), render: (entry) => (entry.fields.length > 0 ? entry.fields.map((field) => labels.field(camelCase(field))).join(', ') : '—') },
            { key: 'version', title: t('registry.record.version'), render: (entry) => entry.version },
          ]}
        />
      ),
    },
    ...(extraTabs ?? []),
  ];
  return (
    <>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }} items={particulars} style={{ marginBottom: 24 }} data-testid="record-particulars" />
      <Tabs items={tabs} />
    </>
  );
}
