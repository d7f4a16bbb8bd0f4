/**
 * A table on wide screens and a list of cards on phones (no page-wide sideways scroll at 375 px): each card shows
 * the first column as its heading and the others as label–value lines.
 */
import { Card, Empty, Grid, Table, Typography } from 'antd';
import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  title: string;
  render: (row: T) => ReactNode;
  /** Left out of the phone cards (for example a column repeated in the heading). */
  hideOnPhone?: boolean;
  width?: number | string;
}

export function ResponsiveTable<T>({
  rows,
  columns,
  rowKey,
  loading,
  emptyText,
  caption,
  testId,
}: {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  loading?: boolean;
  emptyText: string;
  caption?: string;
  testId?: string;
}) {
  const screens = Grid.useBreakpoint();
  if (screens.md === false) {
    if (!loading && rows.length === 0) return <Empty description={emptyText} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
    const [first, ...rest] = columns;
    return (
      <ul aria-label={caption} data-testid={testId} style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 12 }}>
        {rows.map((row) => (
          <li key={rowKey(row)} data-testid={testId ? `${testId}-item` : undefined}>
            <Card size="small" title={first ? <span style={{ whiteSpace: 'normal' }}>{first.render(row)}</span> : undefined}>
              <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'minmax(90px, 40%) 1fr', gap: '4px 12px' }}>
                {rest
                  .filter((column) => !column.hideOnPhone)
                  .map((column) => (
                    <div key={column.key} style={{ display: 'contents' }}>
                      <dt>
                        <Typography.Text style={{ color: 'rgba(0,0,0,0.68)' }}>{column.title}</Typography.Text>
                      </dt>
                      <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>{column.render(row)}</dd>
                    </div>
                  ))}
              </dl>
            </Card>
          </li>
        ))}
      </ul>
    );
  }
  return (
    // A region with a name, focusable so that a keyboard can scroll it when it is wider than the screen.
    <div className="table-scroll" data-testid={testId} role="region" aria-label={caption} tabIndex={0}>
      <Table<T>
        size="middle"
        rowKey={rowKey}
        loading={loading}
        pagination={false}
        dataSource={rows}
        locale={{ emptyText }}
        columns={columns.map((column) => ({ key: column.key, title: column.title, width: column.width, render: (_: unknown, row: T) => column.render(row) }))}
      />
    </div>
  );
}
