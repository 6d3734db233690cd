import { DSSError, DSSErrorFromJSON, Middleware, ResponseContext, ResponseError } from './dss/index';
import { ResponseError as ApiNodeResponseError } from './apinode/index';

/**
 * A call answered with an HTTP status >= 400: the status and the DSSError body the server sent (DSS and the API
 * node both answer every failure with one). `errorType` is what callers match on, as the Python client does.
 */
export class DssApiError extends Error {
    constructor(readonly status: number, readonly error: DSSError, readonly response: Response) {
        super(`${error.errorType}: ${error.detailedMessage ?? error.message}`);
        this.name = 'DssApiError';
    }

    static async of(response: Response): Promise<DssApiError> {
        let body: unknown;
        try {
            body = await response.clone().json();
        } catch {
            body = undefined; // not JSON (a proxy's HTML page): the status still says what happened
        }
        const error: DSSError = isDssError(body)
            ? DSSErrorFromJSON(body)
            : { errorType: 'Unknown error', message: `HTTP ${response.status} ${response.statusText}` };
        return new DssApiError(response.status, error, response);
    }
}

function isDssError(body: unknown): body is { errorType: string; message: string } {
    return typeof body === 'object' && body !== null && typeof (body as { errorType?: unknown }).errorType === 'string';
}

/**
 * Middleware for a `dss.Configuration` or an `apinode.Configuration`: a call answered with a status >= 400 rejects
 * with a {@link DssApiError} instead of the generated `ResponseError`, whose body is left unread.
 */
export const throwDssErrors: Middleware = {
    async post(context: ResponseContext): Promise<Response | void> {
        if (context.response.status >= 400) {
            throw await DssApiError.of(context.response);
        }
        return context.response;
    },
};

/**
 * The {@link DssApiError} of what a generated call threw, for clients configured without {@link throwDssErrors}:
 * a `ResponseError` is read into one; anything else (a network failure) is thrown again.
 */
export async function dssErrorOf(thrown: unknown): Promise<DssApiError> {
    if (thrown instanceof DssApiError) {
        return thrown;
    }
    if (thrown instanceof ResponseError || thrown instanceof ApiNodeResponseError) {
        return DssApiError.of(thrown.response);
    }
    throw thrown;
}
