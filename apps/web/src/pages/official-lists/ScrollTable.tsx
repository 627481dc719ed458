import { Flex, Table } from 'antd';
import type { TableProps } from 'antd';
import { useRef } from 'react';
import { useHiddenMeasureRow } from '../../components/measure-row';
import { useKeyboardScroll } from '../../components/scroll-region';

/** A table of file rows (as wide as the list is), whose sideways scroll a keyboard reaches under a spoken name. */
export function ScrollTable<Row extends object>({ label, ...props }: TableProps<Row> & { label: string }) {
  const area = useRef<HTMLDivElement>(null);
  useKeyboardScroll(area, label);
  useHiddenMeasureRow(area);
  return (
    <Flex vertical ref={area}>
      <Table<Row> size="small" scroll={{ x: 'max-content' }} {...props} />
    </Flex>
  );
}
