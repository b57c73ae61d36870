/**
 * What each file of main/ipc/handlers/ gives the handler table for the channels of its
 * concept: an argument schema per method, and the methods themselves over the library in
 * use. handler-table.ts joins the groups into the one table. (Apart from handler-table.ts so
 * that the groups and the table import it without importing each other.)
 */
import type { z } from 'zod';
import type { ApiMethod, CuttingsApi } from '../../common/api';

/** The argument schema of each method of a group: a tuple of the method's parameters. */
export type GroupSchemas<M extends ApiMethod> = Record<M, z.ZodType>;

/** The methods of a group, called with the arguments their schemas have checked; a throw becomes a failure. */
export type GroupMethods<M extends ApiMethod> = { [K in M]: (...args: Parameters<CuttingsApi[K]>) => Promise<unknown> };
