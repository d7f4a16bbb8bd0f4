/**
 * One ECharts 6 chart through echarts-for-react's core component, with only the chart types DA06 draws registered
 * (the full echarts bundle is ~1 MB). The chart is a picture to assistive technology (role="img" with a summary);
 * every screen that draws one also shows its numbers in a table, so nothing is only in the picture.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsOption } from 'echarts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, DatasetComponent, SVGRenderer]);

/** Colours distinguishable with the common colour-vision deficiencies (Okabe–Ito), darkest first. */
export const CHART_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#999999', '#000000'];

export function Chart({ option, summary, height = 320, testId }: { option: EChartsOption; summary: string; height?: number; testId?: string }) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={{ color: CHART_COLOURS, textStyle: { fontFamily: 'system-ui, sans-serif' }, ...option }}
      notMerge
      lazyUpdate
      opts={{ renderer: 'svg' }}
      style={{ height, width: '100%' }}
      role="img"
      aria-label={summary}
      data-testid={testId}
    />
  );
}
