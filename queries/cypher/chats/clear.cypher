// Chats are rebuilt by every analysis run; who follows which chat is kept apart (ChatFollow).
MATCH (c:Chat)
DETACH DELETE c
