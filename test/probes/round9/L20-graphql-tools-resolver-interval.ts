import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql } from 'graphql';

const quotes = new Map<string, number>();

const resolvers = {
  Query: {
    quote: (_: unknown, { symbol }: { symbol: string }) => {
      setInterval(async () => { // LEAK
        const r = await fetch(`https://quotes.internal/${symbol}`);
        quotes.set(symbol, Number(await r.text()));
      }, 1_000);
      return quotes.get(symbol) ?? null;
    },
  },
};

export const schema = makeExecutableSchema({ typeDefs: 'type Query { quote(symbol: String!): Float }', resolvers });
export const run = (source: string) => graphql({ schema, source });
