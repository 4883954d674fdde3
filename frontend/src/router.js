import { createRouter, createWebHistory } from "vue-router"

import MyPeople from "./views/MyPeople.vue"

export default createRouter({
	history: createWebHistory("/coach"),
	routes: [
		{ path: "/", name: "my-people", component: MyPeople },
		{ path: "/start", name: "start", component: () => import("./views/Start.vue") },
		{ path: "/person/:person", name: "story", component: () => import("./views/Story.vue"), props: true },
	],
})
