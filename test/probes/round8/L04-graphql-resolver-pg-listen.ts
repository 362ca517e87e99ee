import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import pg from 'pg';
import { nextOrderStatus } from './hL04-order-status.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });

export const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      // Long-poll: the client asks "what is the order's next status?" and waits.
      nextStatus: {
        type: new GraphQLNonNull(GraphQLString),
        args: { orderId: { type: new GraphQLNonNull(GraphQLInt) } },
        resolve: (_root, args: { orderId: number }) => nextOrderStatus(pool, args.orderId),
      },
    },
  }),
});
