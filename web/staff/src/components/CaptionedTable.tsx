import { Table, TableBody, TableCaption, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { TableWrap } from '../../../ui/index.ts';

/** A column's header: its words, or its words over a column of numbers (right-aligned). */
export type CaptionedColumn = string | { label: string; number: true };

/**
 * A table named by its caption (also the scroll area's name) with one header row; the rows are the
 * children. `hiddenCaption` keeps the caption for screen readers only, where a heading above says it.
 */
export function CaptionedTable({
  caption,
  hiddenCaption,
  columns,
  children,
}: {
  caption: string;
  hiddenCaption?: boolean;
  columns: CaptionedColumn[];
  children: ReactNode;
}) {
  return (
    <TableWrap label={caption}>
      <Table>
        <TableCaption className={hiddenCaption ? 'kf-visually-hidden' : undefined}>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {columns.map((c) =>
              typeof c === 'string' ? (
                <TableHeaderCell key={c} scope="col">
                  {c}
                </TableHeaderCell>
              ) : (
                <TableHeaderCell key={c.label} scope="col" className="kf-number">
                  {c.label}
                </TableHeaderCell>
              ),
            )}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </TableWrap>
  );
}
