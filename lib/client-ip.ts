// The request header that carries the caller's address, set by server.mjs for every request (any
// value a client sends is dropped there). Rate limits and logs read it; nothing else may be trusted.
export const CLIENT_IP_HEADER = "x-freehold-client-ip";
export const REQUEST_ID_HEADER = "x-request-id";
