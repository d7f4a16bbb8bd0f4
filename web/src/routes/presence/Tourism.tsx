/**
 * Tourism read from stay notices (model 39): arrivals per day, nights, nationalities, average stay, by kind of
 * establishment and by ward, for a date range of up to 366 days. Aggregates only; no person is shown.
 */
import { Card, Col, DatePicker, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { formatDate, todayIso } from '../../format.ts';
import { Chart } from '../../features/plan/Chart.tsx';
import { CardTitle, FieldLabel, ScrollRegion } from '../../features/plan/ui.tsx';
import { presenceApi, type Breakdown } from '../../features/presence/api.ts';
import { useWardNames } from '../../features/registry/wards.ts';

const DAY = 'YYYY-MM-DD';

/** Every day of the range, with 0 where the server has no arrival (it lists only days that have some). */
function everyDay(from: string, to: string, days: Array<{ day: string; arrivals: number }>): Array<{ day: string; arrivals: number }> {
  const known = new Map(days.map((entry) => [entry.day, entry.arrivals]));
  const result: Array<{ day: string; arrivals: number }> = [];
  for (let day = dayjs(from); !day.isAfter(dayjs(to), 'day') && result.length < 400; day = day.add(1, 'day')) {
    const key = day.format(DAY);
    result.push({ day: key, arrivals: known.get(key) ?? 0 });
  }
  return result;
}

export default function Tourism() {
  const { t, i18n } = useTranslation('presence');
  const today = todayIso();
  const [range, setRange] = useState<[string, string]>([dayjs(today).subtract(29, 'day').format(DAY), today]);
  const [ward, setWard] = useState<string | undefined>();
  const [wardOptions, setWardOptions] = useState<string[]>([]);
  const loaded = useLoad(
    (signal) =>
      presenceApi.tourism({ from: range[0], to: range[1], ...(ward ? { ward } : {}) }, signal).then((data) => {
        if (!ward) setWardOptions(data.byWard.map((row) => row.key));
        return data;
      }),
    [range[0], range[1], ward],
  );
  const data = loaded.data;
  const perDay = data ? everyDay(data.from, data.to, data.perDay) : [];
  const names = useWardNames([...new Set([...wardOptions, ...(data?.byWard ?? []).map((row) => row.key)])]);
  const number = (value: number) => value.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN');
  const nationality = (code: string) => (code === 'VNM' ? t('tourism.vietnamese') : t(`nationalities.${code}`, { defaultValue: code }));
  const title = t('tourism.title');

  const breakdownTable = (caption: string, rows: Breakdown[], label: (key: string) => string) => (
    <div style={{ marginTop: 8 }}>
      <ScrollRegion label={caption}>
      <Table<Breakdown>
        size="small"
        pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
        rowKey="key"
        dataSource={rows}
        title={() => <span className="sr-only">{caption}</span>}
        columns={[
          { key: 'key', title: caption, render: (_, row) => label(row.key) },
          { key: 'arrivals', title: t('tourism.arrivals'), dataIndex: 'arrivals', align: 'right', render: (value: number) => number(value) },
          { key: 'nights', title: t('tourism.nights'), dataIndex: 'nights', align: 'right', render: (value: number) => number(value) },
        ]}
      />
      </ScrollRegion>
    </div>
  );

  const barChart = (rows: Breakdown[], label: (key: string) => string, summary: string, testId: string) => (
    <Chart
      testId={testId}
      summary={summary}
      height={Math.max(220, 30 * Math.min(rows.length, 12) + 70)}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { bottom: 0 },
        grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: rows.slice(0, 12).map((row) => label(row.key)), axisLabel: { width: 130, overflow: 'truncate' } },
        series: [
          { name: t('tourism.arrivals'), type: 'bar', data: rows.slice(0, 12).map((row) => row.arrivals) },
          { name: t('tourism.nights'), type: 'bar', data: rows.slice(0, 12).map((row) => row.nights) },
        ],
      }}
    />
  );

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap size={24} align="end">
          <div>
            <FieldLabel htmlFor="tourism-range">{t('tourism.range')}</FieldLabel>
            <DatePicker.RangePicker
              id={{ start: 'tourism-range', end: 'tourism-range-end' }}
              format={['DD/MM/YYYY', 'D/M/YYYY']}
              allowClear={false}
              value={[dayjs(range[0]), dayjs(range[1])]}
              disabledDate={(date: Dayjs) => date.isAfter(dayjs(today), 'day')}
              onChange={(dates) => {
                if (dates?.[0] && dates[1]) setRange([dates[0].format(DAY), dates[1].format(DAY)]);
              }}
              placeholder={[t('tourism.from'), t('tourism.to')]}
              aria-label={t('tourism.range')}
            />
          </div>
          <div>
            <FieldLabel htmlFor="tourism-ward">{t('tourism.ward')}</FieldLabel>
            <Select<string>
              id="tourism-ward"
              allowClear
              value={ward}
              onChange={setWard}
              placeholder={t('tourism.allWards')}
              style={{ width: 240 }}
              options={wardOptions.map((code) => ({ value: code, label: names[code] ? `${names[code]} (${code})` : code }))}
            />
          </div>
        </Space>
      </Card>
      <ProblemAlert error={loaded.error} onRetry={loaded.reload} />
      {data && (
        <>
          <Row gutter={[16, 16]} data-testid="tourism-totals">
            <Col xs={12} lg={6}>
              <Card>
                <Statistic title={t('tourism.arrivals')} value={number(data.arrivals)} />
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card>
                <Statistic title={t('tourism.nights')} value={number(data.nights)} />
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card>
                <Statistic title={t('tourism.foreigners')} value={number(data.foreigners)} />
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card>
                <Statistic title={t('tourism.averageNights')} value={data.averageNights.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 })} suffix={t('tourism.nightsUnit')} />
              </Card>
            </Col>
          </Row>
          <Card title={<CardTitle>{t('tourism.perDay')}</CardTitle>} style={{ marginTop: 16 }}>
            <Chart
              testId="chart-per-day"
              summary={t('tourism.perDaySummary', { from: formatDate(data.from), to: formatDate(data.to), arrivals: data.arrivals, peak: Math.max(0, ...perDay.map((day) => day.arrivals)) })}
              height={300}
              option={{
                tooltip: { trigger: 'axis' },
                grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
                xAxis: { type: 'category', data: perDay.map((day) => formatDate(day.day).slice(0, 5)), boundaryGap: false },
                yAxis: { type: 'value', minInterval: 1 },
                series: [{ name: t('tourism.arrivals'), type: 'line', areaStyle: { opacity: 0.15 }, data: perDay.map((day) => day.arrivals) }],
              }}
            />
            <details style={{ marginTop: 8 }}>
              <summary>{t('tourism.perDayTable')}</summary>
              <ScrollRegion label={t('tourism.perDay')}>
                <Table
                  size="small"
                  rowKey="day"
                  pagination={{ pageSize: 15, size: 'small' }}
                  dataSource={perDay}
                  columns={[
                    { key: 'day', title: t('tourism.day'), render: (_: unknown, row: { day: string }) => formatDate(row.day) },
                    { key: 'arrivals', title: t('tourism.arrivals'), dataIndex: 'arrivals', align: 'right' },
                  ]}
                />
              </ScrollRegion>
            </details>
          </Card>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={8}>
              <Card title={<CardTitle>{t('tourism.byNationality')}</CardTitle>}>
                {barChart(data.byNationality, nationality, t('tourism.breakdownSummary', { what: t('tourism.byNationality'), count: data.byNationality.length }), 'chart-nationality')}
                {breakdownTable(t('tourism.nationality'), data.byNationality, nationality)}
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card title={<CardTitle>{t('tourism.byKind')}</CardTitle>}>
                {barChart(data.byKind, (key) => t(`kinds.${key}`, { defaultValue: key }), t('tourism.breakdownSummary', { what: t('tourism.byKind'), count: data.byKind.length }), 'chart-kind')}
                {breakdownTable(t('establishments.kind'), data.byKind, (key) => t(`kinds.${key}`, { defaultValue: key }))}
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card title={<CardTitle>{t('tourism.byWard')}</CardTitle>}>
                {barChart(data.byWard, (key) => names[key] ?? key, t('tourism.breakdownSummary', { what: t('tourism.byWard'), count: data.byWard.length }), 'chart-ward')}
                {breakdownTable(t('establishments.ward'), data.byWard, (key) => names[key] ?? key)}
              </Card>
            </Col>
          </Row>
          <Typography.Paragraph style={{ marginTop: 12, color: 'rgba(0,0,0,0.68)' }}>{t('tourism.note')}</Typography.Paragraph>
        </>
      )}
    </>
  );
}
