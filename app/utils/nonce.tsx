import { createContext, useContext } from "react";

// The server renders with the request's CSP nonce; in the browser it is "" (browsers hide nonces).
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
