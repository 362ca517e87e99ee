import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import pg from 'pg';
import { nextOrderStatus } from './hC04-order-status.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });

export const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      // Long-poll: the client asks "what is the order's next status?" and waits up to 25 s.
      nextStatus: {
        type: new GraphQLNonNull(GraphQLString),
        args: { orderId: { type: new GraphQLNonNull(GraphQLInt) } },
        resolve: (_root, args: { orderId: number }) => nextOrderStatus(pool, args.orderId, AbortSignal.timeout(25_000)),
      },
    },
  }),
});
