import { appendFileSync } from 'node:fs';
import { apinode, dss, throwDssErrors } from '../src/index';

/** Where the tests find the reference server (TypeScriptClientIT starts one and sets these). */
export const dssUrl = process.env.DSS_URL ?? 'http://localhost:11200';
export const apiKey = process.env.DSS_API_KEY ?? '';
const requestLog = process.env.REQUEST_LOG;

/** Logs every request the tests send, for the coverage figures (TypeScriptClientIT matches them to operations). */
export const logRequests: dss.Middleware = {
    async pre(context: dss.RequestContext): Promise<void> {
        if (requestLog) {
            appendFileSync(requestLog, `${context.init.method ?? 'GET'} ${context.url}\n`);
        }
    },
};

/** A DSS configuration as the README shows it, with the request log in front. */
export function dssConfiguration(key: string = apiKey): dss.Configuration {
    return new dss.Configuration({
        basePath: `${dssUrl}/public/api`,
        username: key,
        password: '',
        middleware: [logRequests, throwDssErrors],
    });
}

/** An API node configuration: the reference server serves the API node user API at its own base URL. */
export function apinodeConfiguration(key?: string): apinode.Configuration {
    return new apinode.Configuration({
        basePath: dssUrl,
        username: key,
        password: key === undefined ? undefined : '',
        middleware: [logRequests, throwDssErrors],
    });
}

let counter = 0;

/** A name no other test run uses (the tests share one server). */
export function unique(prefix: string): string {
    counter += 1;
    return `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter}`;
}
