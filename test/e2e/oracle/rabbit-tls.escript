#!/usr/bin/env escript
%% -*- erlang -*-
%%! -noinput
%%
%% e2e oracle: reads each FILE with Erlang's own file:consult/1 (what RabbitMQ
%% does with a classic rabbitmq.config) and prints one tab-separated line:
%%   FILE  ok  TCP_LISTENERS  VERIFY  FAIL_IF_NO_PEER_CERT  VERSIONS  LOOPBACK_USERS
%% with each value printed by ~w, or `absent`; or
%%   FILE  error  REASON
%% Used by the end-to-end suite to check what the editor's fixes wrote.
-mode(compile).

main(Files) ->
    lists:foreach(fun report/1, Files).

report(File) ->
    case file:consult(File) of
        {ok, [Config]} when is_list(Config) ->
            Rabbit = value(rabbit, Config, []),
            Ssl = value(ssl_options, Rabbit, []),
            Fields = [value(tcp_listeners, Rabbit, absent),
                      value(verify, Ssl, absent),
                      value(fail_if_no_peer_cert, Ssl, absent),
                      value(versions, Ssl, absent),
                      value(loopback_users, Rabbit, absent)],
            io:format("~ts\tok~ts~n", [File, [[$\t, show(F)] || F <- Fields]]);
        {ok, Terms} ->
            io:format("~ts\terror\tnot one list term: ~b terms~n", [File, length(Terms)]);
        {error, Reason} ->
            io:format("~ts\terror\t~ts~n", [File, show(Reason)])
    end.

value(Key, List, Default) when is_list(List) ->
    case lists:keyfind(Key, 1, List) of
        {Key, V} -> V;
        _ -> Default
    end;
value(_, _, Default) -> Default.

show(Term) -> lists:flatten(io_lib:format("~w", [Term])).
