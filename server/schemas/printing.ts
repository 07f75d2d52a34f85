/** Reprinting, and the network printers a manager adds and changes. */
import { Type } from 'typebox';
import { Id, NullableId } from './common.js';

export const Address = Type.String({ minLength: 1, maxLength: 120, description: 'host:port of the printer (raw TCP, usually port 9100)' });
export const PaperWidth = Type.Union([Type.Literal(58), Type.Literal(80)], { description: 'Paper width in mm' });

export const PrinterParams = Type.Object({ printerId: Id });

export const ReprintBody = Type.Object({
  kind: Type.Union([Type.Literal('ticket'), Type.Literal('slip')], { default: 'ticket' }),
  printerId: Type.Optional(Id),
});

export const NewPrinterBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 60 }),
  address: Address,
  paperWidth: Type.Optional(PaperWidth),
  windowId: Type.Optional(NullableId),
});

export const PrinterChangeBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  address: Type.Optional(Address),
  paperWidth: Type.Optional(PaperWidth),
  windowId: Type.Optional(NullableId),
});
